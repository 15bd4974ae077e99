# The uplink's DHCP client was told not to install the default route (add-default-route=no), and no static one replaces it.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip dhcp-client add interface=ether1 add-default-route=no
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address-type=local dst-address=!192.168.88.1 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10 # expect: dstnat-no-route-back
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.10 protocol=tcp dst-port=443 out-interface=bridge
