# A srcnat accept for traffic to the other site (meant for a VPN) comes before the WAN masquerade, so forwarded connections to that site leave with the client's address.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=accept dst-address=198.51.100.0/24 comment="no NAT to branch office"
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=8443 action=dst-nat to-addresses=198.51.100.20 to-ports=443 # expect: dstnat-target-beyond-uplink
