# Two uplinks; the camera forward only takes connections arriving on the first one. That limit is the
# author's and keeps out internet clients on the second uplink: an info finding, and no fix removes it.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether3
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=ether2 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip address add address=198.51.100.2/24 interface=ether2
/ip route add gateway=203.0.113.1
/ip route add gateway=198.51.100.1 distance=2
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat action=dst-nat in-interface=ether1 protocol=tcp dst-port=8000 to-addresses=192.168.88.10 comment=cameras # expect: dstnat-unreachable-from-lan
